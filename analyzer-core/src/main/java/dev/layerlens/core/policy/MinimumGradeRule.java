package dev.layerlens.core.policy;

/**
 * Fails when the production-readiness grade is worse than the configured letter (A best, F worst),
 * and when the report carries no grade: a gate that cannot measure must not pass silently.
 */
record MinimumGradeRule(String threshold, char minimum) implements PolicyRule {
    static final String KEY = "minimumGrade";
    static final String LETTERS = "ABCDEF";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public RuleOutcome evaluate(PolicyInput input) {
        String grade = input.grade();
        if (grade == null || grade.length() != 1 || LETTERS.indexOf(grade.charAt(0)) < 0) {
            return new RuleOutcome(KEY, threshold, RuleStatus.FAIL, "no grade",
                    "the report carries no readiness grade, so minimumGrade cannot be checked");
        }
        if (LETTERS.indexOf(grade.charAt(0)) > LETTERS.indexOf(minimum)) {
            return new RuleOutcome(KEY, threshold, RuleStatus.FAIL, grade, "grade " + grade + " is below " + minimum);
        }
        return new RuleOutcome(KEY, threshold, RuleStatus.PASS, grade, null);
    }
}

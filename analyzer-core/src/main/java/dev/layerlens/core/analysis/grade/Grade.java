package dev.layerlens.core.analysis.grade;

import java.util.List;

/**
 * The overall production-readiness grade: {@code score} out of 100 and its letter; the deductions
 * that make up the difference (formula in docs/rules.md, "Grade").
 */
public record Grade(String letter, int score, List<Deduction> deductions) {
    public Grade {
        deductions = List.copyOf(deductions);
    }

    /** One reason points were taken off. */
    public record Deduction(String reason, int points) {
    }
}

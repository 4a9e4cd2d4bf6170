package dev.layerlens.cli;

/** The exit codes every command uses (DESIGN §6, documented in the README). */
public final class ExitCodes {
    public static final int OK = 0;
    /** a CI policy failed (or, for {@code secrets}, a secret was found) */
    public static final int POLICY_FAILED = 1;
    public static final int USAGE = 2;
    /** not found, unreadable, corrupt, refused */
    public static final int IMAGE_UNREADABLE = 3;
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}

package dev.kontor.security;

import java.time.Duration;

/** For tests outside this package: has an unlock link mailed to the person, as a throttled sign-in would. */
public final class UnlockLinks {

    private UnlockLinks() {
    }

    public static void mail(SignInUnlocks unlocks, String email) {
        unlocks.refused(email, new SignInThrottle.Refusal(SignInThrottle.Limit.ACCOUNT, Duration.ofMinutes(1)));
    }
}

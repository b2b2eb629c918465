package dev.kontor.security;

import dev.kontor.organization.SecondFactorRecords;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factors as the organization feature asks about them (who has one, a lead's reset of a member's). It
 * checks nothing itself: {@link dev.kontor.organization.SecondFactorPolicy}, its only caller, checks the rights and
 * audits, and this runs inside its transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class StoredSecondFactors implements SecondFactorRecords {

    /** More ids than this in one IN list are asked in several statements (PostgreSQL and H2 take far more). */
    private static final int CHUNK = 1000;

    private final SecondFactorRepository factors;
    private final RecoveryCodeRepository recoveryCodes;
    private final RememberedBrowserRepository browsers;
    private final SignedInSessions signIns;

    StoredSecondFactors(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes,
                        RememberedBrowserRepository browsers, SignedInSessions signIns) {
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.browsers = browsers;
        this.signIns = signIns;
    }

    @Override
    public Set<Long> withSecondFactor(Collection<Long> userIds) {
        Set<Long> with = new HashSet<>();
        java.util.List<Long> all = java.util.List.copyOf(userIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            with.addAll(factors.findConfirmedAmong(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return with;
    }

    @Override
    public boolean reset(long userId) {
        boolean had = factors.existsById(userId);
        recoveryCodes.deleteAllOf(userId);
        browsers.forgetAllOf(userId);
        if (had) {
            factors.deleteById(userId);
            // whoever signed in with the lost phone (or its codes) is signed out once the reset commits
            signIns.factorRemoved(userId);
        }
        return had;
    }
}

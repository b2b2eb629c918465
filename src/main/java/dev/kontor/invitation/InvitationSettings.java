package dev.kontor.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an invitation link stays valid (seven days unless configured), and the time before which inviting
 * someone (Add manager, Add administrator) never answers, so that the answer's time does not tell whether Kontor
 * knows the address or whether the person is a member already (see {@link dev.kontor.base.AnswerTimeFloor}), and how
 * many invitations one person may send in an hour ({@link InvitationLimit}).
 */
@ConfigurationProperties("kontor.invitation")
public record InvitationSettings(@DefaultValue("7d") Duration validity, @DefaultValue("250ms") Duration answerTime,
                                 @DefaultValue("20") int perPersonPerHour) {

    public InvitationSettings {
        if (perPersonPerHour < 1) {
            throw new IllegalArgumentException("kontor.invitation.per-person-per-hour must be at least 1");
        }
    }
}

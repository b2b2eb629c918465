package dev.kontor.base.ui;

/**
 * The page where the signed-in person looks after their own sign-in (their second factor). The layout's Security
 * button leads there through {@link PageByRole}, since base imports no feature; the security module's view is it.
 */
public interface OwnSecurityPage {
}

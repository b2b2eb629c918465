/** People who can sign in: their e-mail login, password hash, language and sign-in throttling state. */
package dev.kontor.user;

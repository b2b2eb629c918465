/** People who can sign in: their e-mail login, password hash and language. */
package dev.kontor.user;

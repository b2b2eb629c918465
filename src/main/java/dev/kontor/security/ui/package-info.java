/** The sign-in page. */
package dev.kontor.security.ui;

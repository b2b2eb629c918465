/** The contacts grid and dialog, the partner's profile, and the public page that confirms a new e-mail address. */
package dev.kontor.contact.ui;

/** The public invitation page. */
package dev.kontor.invitation.ui;

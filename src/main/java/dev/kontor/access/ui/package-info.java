/** Entering a customer's account, and the banner that shows it on every page. */
package dev.kontor.access.ui;

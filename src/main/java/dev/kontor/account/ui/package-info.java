/** The views of customer accounts. */
package dev.kontor.account.ui;

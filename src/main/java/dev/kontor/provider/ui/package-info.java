/** The provider administrators' pages: provider staff, partners, customer accounts, and their dialogs. */
package dev.kontor.provider.ui;

/** The support lookup page: one search field, results as one types, and the incident card. */
package dev.kontor.support.ui;

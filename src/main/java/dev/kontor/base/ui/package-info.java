/** The main layout, error pages and the language switch. */
package dev.kontor.base.ui;

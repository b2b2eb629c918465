/** The page where a person who leaves is replaced everywhere, after a preview. */
package dev.kontor.replace.ui;

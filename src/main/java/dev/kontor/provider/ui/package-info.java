/** The provider administrators' pages for partners: the searchable list, a partner's page and their dialogs. */
package dev.kontor.provider.ui;

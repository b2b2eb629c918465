/** The parts of pages about an organization's people that every kind of organization shows alike. */
package dev.kontor.organization.ui;

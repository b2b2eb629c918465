/** The provider administrators' page for writing platform notices and following their sending. */
package dev.kontor.notice.ui;

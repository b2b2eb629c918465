package dev.kontor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/** What a person sees of a page at a given window size: whether something is in sight, and how things sit. */
final class Layout {

    private Layout() {
    }

    /**
     * The element lies wholly inside the window, and neither the page nor the grid it sits in had to be scrolled
     * sideways to bring it there.
     */
    static void assertInSightWithoutScrollingSideways(Page page, Locator element, String what) {
        element.waitFor();
        BoundingBox box = element.boundingBox();
        int width = page.viewportSize().width;
        assertThat(box).as(what + " has a box").isNotNull();
        assertThat(box.x).as(what + ": left edge inside the window").isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as(what + ": right edge inside the %d px window", width)
                .isLessThanOrEqualTo(width);
        assertThat((Number) page.evaluate("() => document.scrollingElement.scrollLeft"))
                .as("the page was not scrolled sideways").isEqualTo(0);
        assertThat((Number) element.evaluate("e => { const grid = e.closest('vaadin-grid');"
                + " return grid ? grid.shadowRoot.querySelector('#table').scrollLeft : 0; }"))
                .as("the grid was not scrolled sideways").isEqualTo(0);
    }

    /** The grid's columns fit its width: it offers no sideways scrolling at all. */
    static void assertGridFitsWithoutSideScrolling(Locator grid, String what) {
        Object overflow = grid.evaluate("g => { const t = g.shadowRoot.querySelector('#table');"
                + " return t.scrollWidth - t.clientWidth; }");
        assertThat(((Number) overflow).intValue()).as(what + ": pixels the grid would scroll sideways")
                .isLessThanOrEqualTo(0);
    }

    /** A link or button with an icon before its words keeps a visible gap between the two. */
    static void assertIconApartFromWords(Locator link, String what) {
        link.waitFor();
        Object gap = link.evaluate("""
                e => {
                  const icon = e.querySelector('vaadin-icon').getBoundingClientRect();
                  const words = Array.from(e.childNodes)
                      .find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                  const range = document.createRange();
                  range.selectNodeContents(words);
                  return range.getBoundingClientRect().left - icon.right;
                }""");
        assertThat(((Number) gap).doubleValue()).as(what + ": space between icon and words, in px")
                .isGreaterThanOrEqualTo(4);
    }
}

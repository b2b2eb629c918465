package dev.kontor.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/**
 * Checks that a page fits the window it is shown in: nothing makes the whole page scroll sideways, and a page's main
 * action is inside the window's width, not pushed past its edge or scrolled away inside a grid.
 */
final class Viewport {

    static final int LAPTOP_WIDTH = 1366;
    static final int LAPTOP_HEIGHT = 768;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    private Viewport() {
    }

    /** Empty when the page is no wider than the window, else what sticks out. */
    static List<String> sidewaysScroll(Page page, String where) {
        @SuppressWarnings("unchecked")
        Map<String, Object> widths = (Map<String, Object>) page.evaluate(
                "() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })");
        int scroll = ((Number) widths.get("scroll")).intValue();
        int inner = ((Number) widths.get("inner")).intValue();
        return scroll <= inner ? List.of()
                : List.of(where + ": the page scrolls sideways (" + scroll + " px wide in a " + inner
                        + " px window)");
    }

    /**
     * Empty when the first element the locator finds lies within the window's width and nothing that clips it (a
     * grid's scroller, say) hides it; else why not. The element is scrolled into view vertically only, so that a
     * grid that would need sideways scrolling to show it is caught.
     */
    static List<String> actionWithinWidth(Locator action, String where) {
        if (action.count() == 0) {
            return List.of(where + ": the main action " + action + " is missing");
        }
        String problem = (String) action.first().evaluate("""
                element => {
                  const rect = () => element.getBoundingClientRect();
                  const target = rect();
                  window.scrollBy(0, target.top - window.innerHeight / 2);
                  let clip = { left: 0, right: window.innerWidth };
                  // every ancestor (through shadow roots) that clips its overflow narrows what can be seen
                  for (let node = element; node; node = node.parentElement || node.getRootNode().host) {
                    if (node === element) continue;
                    const style = getComputedStyle(node);
                    if (style.overflowX !== 'visible' && style.display !== 'contents') {
                      const box = node.getBoundingClientRect();
                      clip = { left: Math.max(clip.left, box.left), right: Math.min(clip.right, box.right) };
                    }
                  }
                  const box = rect();
                  if (box.width === 0) return 'has no width (hidden?)';
                  if (box.left < clip.left - 1 || box.right > clip.right + 1) {
                    return 'spans ' + Math.round(box.left) + '..' + Math.round(box.right)
                        + ' px but only ' + Math.round(clip.left) + '..' + Math.round(clip.right) + ' px are visible';
                  }
                  return '';
                }""");
        return problem == null || problem.isEmpty() ? List.of() : List.of(where + ": the main action " + problem);
    }

    /**
     * Empty when Tab, pressed from the focused element round the dialog, goes in reading order: down the form, left
     * to right within a row, the footer's buttons last; else where it jumps back. Positions count from the top of
     * whatever scrolls, so that a long dialog that scrolls while tabbing is judged as one page.
     */
    static List<String> tabOrderInDialog(Page page, String where) {
        List<Map<String, Object>> stops = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stop = (Map<String, Object>) page.evaluate("""
                    () => {
                      let e = document.activeElement;
                      while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                      if (!e || e === document.body) return null;
                      const box = e.getBoundingClientRect();
                      let x = box.left, y = box.top;
                      for (let n = e.parentElement || e.getRootNode().host; n;
                           n = n.parentElement || (n.getRootNode && n.getRootNode().host)) {
                        x += n.scrollLeft || 0; y += n.scrollTop || 0;
                      }
                      const host = e.closest('vaadin-button, vaadin-checkbox, vaadin-radio-button, vaadin-text-field,'
                          + ' vaadin-email-field, vaadin-combo-box, vaadin-select, vaadin-text-area') || e;
                      return { x, y, w: box.width, h: box.height, footer: !!e.closest('[slot="footer"]'),
                               key: (host.id || '') + '|' + Math.round(box.left) + '|' + Math.round(box.top),
                               name: (host.id || host.getAttribute('aria-label') || host.textContent || host.tagName)
                                   .trim().replace(/\\s+/g, ' ').slice(0, 40) };
                    }""");
            if (stop == null) {
                break;
            }
            if (!stops.isEmpty() && stops.getFirst().get("key").equals(stop.get("key"))) {
                break;
            }
            stops.add(stop);
            page.keyboard().press("Tab");
        }
        List<String> problems = new java.util.ArrayList<>();
        for (int i = 1; i < stops.size(); i++) {
            Map<String, Object> a = stops.get(i - 1);
            Map<String, Object> b = stops.get(i);
            if (number(b, "w") == 0 || number(a, "w") == 0) {
                continue;
            }
            boolean aFooter = (Boolean) a.get("footer");
            boolean bFooter = (Boolean) b.get("footer");
            boolean inOrder;
            if (aFooter != bFooter) {
                inOrder = bFooter;
            } else {
                boolean sameRow = number(a, "y") < number(b, "y") + number(b, "h")
                        && number(b, "y") < number(a, "y") + number(a, "h");
                inOrder = sameRow ? number(b, "x") > number(a, "x") : number(b, "y") >= number(a, "y");
            }
            if (!inOrder) {
                problems.add(where + ": Tab goes from '" + a.get("name") + "' back to '" + b.get("name") + "'");
            }
        }
        return problems;
    }

    /**
     * Empty when the page's title in the header shows whole: not clipped (its text wider than its box) and not
     * running out of the window; else what was cut. A title cut to "Replace a pe…" on a phone leaves nothing to read;
     * only an organization's name is cut on one line (MainLayout), whole in its tooltip.
     */
    static List<String> titleWhole(Page page, String where) {
        if (page.locator(".page-title").count() == 0) {
            return List.of();
        }
        String problem = (String) page.locator(".page-title").first().evaluate("""
                title => {
                  const box = title.getBoundingClientRect();
                  if (!title.textContent.trim()) return null;
                  // an organization's name (up to 130 characters) is cut on one line on purpose, whole in its tooltip
                  const name = title.classList.contains('one-line-name')
                      && title.getAttribute('title') === title.textContent.trim();
                  if (!name && title.scrollWidth > title.clientWidth + 1) {
                    return 'is cut: ' + title.scrollWidth + ' px of text in ' + title.clientWidth + ' px';
                  }
                  if (box.right > window.innerWidth + 1 || box.left < -1) return 'runs out of the window';
                  return null;
                }""");
        return problem == null ? List.of()
                : List.of(where + ": the page title \"" + page.locator(".page-title").first().textContent().strip()
                        + "\" " + problem);
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}

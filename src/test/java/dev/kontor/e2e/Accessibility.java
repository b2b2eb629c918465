package dev.kontor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/** Runs axe-core on the page and fails on any serious or critical violation of WCAG 2.1 A/AA. */
final class Accessibility {

    private Accessibility() {
    }

    static void assertNoSeriousViolations(Page page, String where) {
        waitUntilNothingMoves(page);
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious)
                .as(() -> where + ": " + serious.stream()
                        .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                                .map(node -> node.getTarget() + " " + node.getFailureSummary())
                                .collect(Collectors.joining("; ")))
                        .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /**
     * Colours measured while a dialog or overlay still fades in are blends of the page behind it, so axe would
     * report contrasts nobody sees. A dialog opened by a server round trip may start its animation a frame after
     * its content is there: the page counts as still only once nothing has been animating for a quarter second.
     * Notifications fade in inside their shadow roots, which {@code document.getAnimations()} does not see, so every
     * open shadow root is asked too.
     */
    private static void waitUntilNothingMoves(Page page) {
        page.evaluate("() => { window.__kontorStillSince = undefined; }");
        page.waitForFunction("""
                () => {
                  const animations = [];
                  const visit = root => {
                    animations.push(...root.getAnimations());
                    root.querySelectorAll('*').forEach(el => { if (el.shadowRoot) visit(el.shadowRoot); });
                  };
                  visit(document);
                  const moving = animations.some(a => a.pending || a.playState === 'running');
                  if (moving) { window.__kontorStillSince = undefined; return false; }
                  window.__kontorStillSince ??= performance.now();
                  return performance.now() - window.__kontorStillSince >= 250;
                }""", null, new Page.WaitForFunctionOptions().setTimeout(10000).setPollingInterval(50));
    }
}

package dev.kontor.base.ui;

import com.vaadin.flow.component.button.Button;

/**
 * A button that starts something slow (sending mail, an upload, entering an account, a copy): the browser disables it
 * the moment it is clicked and shows a spinner on it, so that a second click cannot start the work twice; it comes
 * back only when the work did not finish (refused input, a rule that said no), so that the person can correct and try
 * again.
 */
public final class SlowAction {

    /** What the button does; answers whether it is done (the form closes or moves on) or must be possible again. */
    @FunctionalInterface
    public interface Work {
        boolean done();
    }

    private SlowAction() {
    }

    /** Makes a click on {@code button} run {@code work}, guarded as described above. */
    public static Button on(Button button, Work work) {
        button.setDisableOnClick(true);
        button.addClassName("slow-action");
        // the spinner must show before the server answers, so the browser marks the button itself
        button.addAttachListener(attach -> button.getElement().executeJs(
                "if (!this.__kontorWorking) { this.__kontorWorking = true;"
                        + " this.addEventListener('click', () => { this.setAttribute('working', '');"
                        + " this.setAttribute('aria-busy', 'true'); }); }"));
        button.addClickListener(click -> {
            boolean done;
            try {
                done = work.done();
            } catch (RuntimeException failure) {
                ready(button);
                throw failure;
            }
            if (!done) {
                ready(button);
            }
        });
        return button;
    }

    /** Makes {@code button} clickable again and takes its spinner away (a copy that failed may be started again). */
    public static void ready(Button button) {
        button.setEnabled(true);
        stop(button);
    }

    /** Takes the spinner away from a button that stays off (a copy that is done, a refused upload). */
    public static void stop(Button button) {
        button.getElement().executeJs("this.removeAttribute('working'); this.removeAttribute('aria-busy');");
    }
}

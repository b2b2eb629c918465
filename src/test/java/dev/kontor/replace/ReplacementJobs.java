package dev.kontor.replace;

import org.springframework.context.ApplicationContext;

/** The replacement worker's package-private parts, for the view tests and journeys in other packages. */
public final class ReplacementJobs {

    private ReplacementJobs() {
    }

    /** Works on the replacement as the scheduled worker does, until it is finished (at most a few seconds). */
    public static void runToTheEnd(ApplicationContext context, long replacementId) {
        ReplacementWorker worker = context.getBean(ReplacementWorker.class);
        for (int round = 0; round < 20 && !"FINISHED".equals(state(context, replacementId)); round++) {
            worker.runFor(replacementId);
        }
    }

    private static String state(ApplicationContext context, long replacementId) {
        return context.getBean(ReplacementStore.class).header(replacementId).map(ReplacementStore.Header::state)
                .orElse("FINISHED");
    }
}

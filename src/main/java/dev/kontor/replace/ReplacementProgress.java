package dev.kontor.replace;

/** How far applying a replacement has got: its state and how many ticked places are done or refused so far. */
public record ReplacementProgress(long id, State state, int selected, int done, int refused) {

    public enum State { PREVIEW, RUNNING, FINISHED }

    public boolean finished() {
        return state == State.FINISHED;
    }
}

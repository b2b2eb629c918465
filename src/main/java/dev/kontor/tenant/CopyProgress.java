package dev.kontor.tenant;

/** How far a Copy content run is: targets done of all, and how many settings it actually changed. */
public record CopyProgress(long copyId, String state, int done, int total, int changed) {

    public boolean finished() {
        return !"RUNNING".equals(state);
    }

    /** Queued and nothing done yet: no worker has taken a batch of it so far. */
    public boolean waiting() {
        return !finished() && done == 0 && changed == 0;
    }

    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}

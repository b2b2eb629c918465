package dev.kontor.tenant;

/** How far a Copy content run is: targets done of all, and how many settings it actually changed. */
public record CopyProgress(long copyId, String state, int done, int total, int changed) {

    public boolean finished() {
        return !"RUNNING".equals(state);
    }

    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}

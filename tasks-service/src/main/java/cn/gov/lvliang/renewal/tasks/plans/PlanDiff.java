package cn.gov.lvliang.renewal.tasks.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a plan: tasks added, removed and changed. Tasks are matched
 * by their short title, so that a task inserted in the middle (which renumbers the ones after it)
 * shows as one addition and some renumberings, not as every later task changed; a task whose title
 * changed but keeps its number and lead departments counts as changed.
 */
public record PlanDiff(List<TaskRef> added, List<TaskRef> removed, List<TaskChange> changed) {

    /** The parts of a task a diff compares. */
    public record TaskSnapshot(int number, String title, String text, List<String> leads) {}

    /** A task, by number and title. */
    public record TaskRef(int number, String title) {}

    /**
     * A task present in both versions with a difference.
     *
     * @param changes which parts differ: {@code number}, {@code title}, {@code text}, {@code leads}
     */
    public record TaskChange(int previousNumber, int number, String title, List<String> changes) {}

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The diff from {@code before} to {@code after}. */
    public static PlanDiff between(List<TaskSnapshot> before, List<TaskSnapshot> after) {
        Map<String, TaskSnapshot> oldByTitle = new LinkedHashMap<>();
        before.forEach(t -> oldByTitle.putIfAbsent(t.title(), t));
        List<TaskSnapshot> unmatchedNew = new ArrayList<>();
        List<TaskChange> changed = new ArrayList<>();
        for (TaskSnapshot t : after) {
            TaskSnapshot old = oldByTitle.remove(t.title());
            if (old == null) {
                unmatchedNew.add(t);
            } else {
                compare(old, t).ifPresent(changed::add);
            }
        }
        // A retitled task: same number and same leads on both sides, both unmatched by title.
        List<TaskRef> added = new ArrayList<>();
        for (TaskSnapshot t : unmatchedNew) {
            TaskSnapshot old = oldByTitle.values().stream()
                    .filter(o -> o.number() == t.number() && o.leads().equals(t.leads()))
                    .findFirst()
                    .orElse(null);
            if (old != null) {
                oldByTitle.remove(old.title());
                compare(old, t).ifPresent(changed::add);
            } else {
                added.add(new TaskRef(t.number(), t.title()));
            }
        }
        List<TaskRef> removed = oldByTitle.values().stream()
                .map(o -> new TaskRef(o.number(), o.title()))
                .toList();
        changed.sort(java.util.Comparator.comparingInt(TaskChange::number));
        return new PlanDiff(List.copyOf(added), removed, List.copyOf(changed));
    }

    private static java.util.Optional<TaskChange> compare(TaskSnapshot old, TaskSnapshot now) {
        List<String> changes = new ArrayList<>();
        if (old.number() != now.number()) {
            changes.add("number");
        }
        if (!Objects.equals(old.title(), now.title())) {
            changes.add("title");
        }
        if (!Objects.equals(old.text(), now.text())) {
            changes.add("text");
        }
        if (!Objects.equals(old.leads(), now.leads())) {
            changes.add("leads");
        }
        return changes.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new TaskChange(old.number(), now.number(), now.title(), List.copyOf(changes)));
    }
}

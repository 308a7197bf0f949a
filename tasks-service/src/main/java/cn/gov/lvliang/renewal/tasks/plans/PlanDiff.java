package cn.gov.lvliang.renewal.tasks.plans;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /** The same task in two versions (the tasks a new version carries over). */
    public record Match(TaskSnapshot before, TaskSnapshot after) {}

    /**
     * A task present in both versions with a difference.
     *
     * @param changes which parts differ: {@code number}, {@code title}, {@code text}, {@code leads}
     * @param previousTitle the title before, when it changed (else null)
     * @param previousText the full text before, when it changed (else null)
     * @param text the full text now, when it changed (else null)
     * @param leadsAdded units named in the new version's parentheses only (牵头单位 added)
     * @param leadsRemoved units named in the old version's parentheses only (牵头单位 dropped)
     */
    public record TaskChange(
            int previousNumber,
            int number,
            String title,
            List<String> changes,
            String previousTitle,
            String previousText,
            String text,
            List<String> leadsAdded,
            List<String> leadsRemoved) {}

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The diff from {@code before} to {@code after}. */
    public static PlanDiff between(List<TaskSnapshot> before, List<TaskSnapshot> after) {
        List<Match> matches = matches(before, after);
        List<TaskChange> changed = new ArrayList<>();
        matches.forEach(m -> compare(m.before(), m.after()).ifPresent(changed::add));
        changed.sort(Comparator.comparingInt(TaskChange::number));
        List<TaskRef> added = after.stream()
                .filter(t -> matches.stream().noneMatch(m -> m.after() == t))
                .map(t -> new TaskRef(t.number(), t.title()))
                .toList();
        List<TaskRef> removed = before.stream()
                .filter(t -> matches.stream().noneMatch(m -> m.before() == t))
                .map(t -> new TaskRef(t.number(), t.title()))
                .toList();
        return new PlanDiff(added, removed, List.copyOf(changed));
    }

    /**
     * The tasks of {@code after} that continue one of {@code before}: same title, or (both unmatched
     * by title) same number and same lead departments.
     */
    public static List<Match> matches(List<TaskSnapshot> before, List<TaskSnapshot> after) {
        Map<String, TaskSnapshot> oldByTitle = new LinkedHashMap<>();
        before.forEach(t -> oldByTitle.putIfAbsent(t.title(), t));
        List<TaskSnapshot> unmatchedNew = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        for (TaskSnapshot t : after) {
            TaskSnapshot old = oldByTitle.remove(t.title());
            if (old == null) {
                unmatchedNew.add(t);
            } else {
                matches.add(new Match(old, t));
            }
        }
        for (TaskSnapshot t : unmatchedNew) {
            oldByTitle.values().stream()
                    .filter(o -> o.number() == t.number() && o.leads().equals(t.leads()))
                    .findFirst()
                    .ifPresent(old -> {
                        oldByTitle.remove(old.title());
                        matches.add(new Match(old, t));
                    });
        }
        return List.copyOf(matches);
    }

    private static Optional<TaskChange> compare(TaskSnapshot old, TaskSnapshot now) {
        List<String> changes = new ArrayList<>();
        if (old.number() != now.number()) {
            changes.add("number");
        }
        boolean title = !Objects.equals(old.title(), now.title());
        if (title) {
            changes.add("title");
        }
        boolean text = !Objects.equals(old.text(), now.text());
        if (text) {
            changes.add("text");
        }
        if (!Objects.equals(old.leads(), now.leads())) {
            changes.add("leads");
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TaskChange(
                old.number(),
                now.number(),
                now.title(),
                List.copyOf(changes),
                title ? old.title() : null,
                text ? old.text() : null,
                text ? now.text() : null,
                now.leads().stream().filter(l -> !old.leads().contains(l)).toList(),
                old.leads().stream().filter(l -> !now.leads().contains(l)).toList()));
    }
}

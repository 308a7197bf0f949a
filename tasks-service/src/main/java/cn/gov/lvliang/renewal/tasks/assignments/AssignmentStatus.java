package cn.gov.lvliang.renewal.tasks.assignments;

import java.util.Map;
import java.util.Optional;

/**
 * The states of an assignment and the moves between them (pure rules, unit-tested).
 *
 * <pre>
 * ASSIGNED --accept--> ACCEPTED --start--> IN_PROGRESS --request-completion--> COMPLETION_REQUESTED
 * COMPLETION_REQUESTED --confirm (lead department / city)--> COMPLETED
 * COMPLETION_REQUESTED --return (lead department / city)--> RETURNED --resume--> IN_PROGRESS
 * ACCEPTED | IN_PROGRESS --block--> BLOCKED --unblock--> IN_PROGRESS
 * </pre>
 *
 * COMPLETED is final. WITHDRAWN (撤销) is final too and reached by no action: a new version of the
 * plan that no longer gives the assignment closes it (decision 0019).
 */
public enum AssignmentStatus {
    /** 已分派. */
    ASSIGNED,
    /** 已接收. */
    ACCEPTED,
    /** 推进中. */
    IN_PROGRESS,
    /** 申请办结, awaiting the lead department's confirmation. */
    COMPLETION_REQUESTED,
    /** 已办结. */
    COMPLETED,
    /** 已退回: completion not confirmed, with a comment. */
    RETURNED,
    /** 受阻. */
    BLOCKED,
    /** 已撤销: a newer plan version removed the task or no longer names the assignee. */
    WITHDRAWN;

    /** What an actor asks of an assignment. */
    public enum Action {
        ACCEPT,
        START,
        BLOCK,
        UNBLOCK,
        REQUEST_COMPLETION,
        CONFIRM,
        RETURN,
        RESUME;

        /** Confirm and return are the reviewer's moves; all others the assignee's. */
        public boolean byReviewer() {
            return this == CONFIRM || this == RETURN;
        }
    }

    private static final Map<AssignmentStatus, Map<Action, AssignmentStatus>> MOVES = Map.of(
            ASSIGNED, Map.of(Action.ACCEPT, ACCEPTED),
            ACCEPTED, Map.of(Action.START, IN_PROGRESS, Action.BLOCK, BLOCKED),
            IN_PROGRESS, Map.of(Action.REQUEST_COMPLETION, COMPLETION_REQUESTED, Action.BLOCK, BLOCKED),
            COMPLETION_REQUESTED, Map.of(Action.CONFIRM, COMPLETED, Action.RETURN, RETURNED),
            RETURNED, Map.of(Action.RESUME, IN_PROGRESS),
            BLOCKED, Map.of(Action.UNBLOCK, IN_PROGRESS),
            COMPLETED, Map.of(),
            WITHDRAWN, Map.of());

    /** The state {@code action} leads to, or empty when it is not allowed here. */
    public Optional<AssignmentStatus> after(Action action) {
        return Optional.ofNullable(MOVES.get(this).get(action));
    }

    /** Whether work is still open (counts for overdue). */
    public boolean open() {
        return this != COMPLETED && this != WITHDRAWN;
    }

    /** The states in which work is closed. */
    public static java.util.List<AssignmentStatus> closed() {
        return java.util.List.of(COMPLETED, WITHDRAWN);
    }
}

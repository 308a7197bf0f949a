package cn.gov.lvliang.renewal.equipment.campaigns;

import java.util.EnumSet;
import java.util.Set;

/** 摸排报送状态 of one county in a survey campaign. */
public enum SubmissionState {
    /** 未开始. */
    NOT_STARTED,
    /** 填报中. */
    IN_PROGRESS,
    /** 已报送. */
    SUBMITTED,
    /** 已审核通过 (by the city). */
    ACCEPTED;

    /** The states a county may move to itself; ACCEPTED is the city's, and a submission may be reopened by it. */
    public Set<SubmissionState> next() {
        return switch (this) {
            case NOT_STARTED -> EnumSet.of(IN_PROGRESS, SUBMITTED);
            case IN_PROGRESS -> EnumSet.of(IN_PROGRESS, SUBMITTED);
            case SUBMITTED -> EnumSet.of(IN_PROGRESS, ACCEPTED);
            case ACCEPTED -> EnumSet.noneOf(SubmissionState.class);
        };
    }
}

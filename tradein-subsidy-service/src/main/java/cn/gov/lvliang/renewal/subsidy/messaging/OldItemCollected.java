package cn.gov.lvliang.renewal.subsidy.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The part of {@value #TYPE} this service reads: a
 * recycler's record, linked to a trade-in claim when it is that claim's collection (换新+回收).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OldItemCollected(
        @NotBlank String recordId,
        String source,
        String claimId,
        @NotNull LocalDate recordedOn) {

    public static final String TYPE = "cn.gov.lvliang.recycling.appliance.recycled.v1";

    static final String TRADE_IN_COLLECTION = "TRADE_IN_COLLECTION";

    /** Only a trade-in collection names a claim; other recycling records concern no claim. */
    public boolean concernsAClaim() {
        return TRADE_IN_COLLECTION.equals(source) && claimId != null && !claimId.isBlank();
    }
}

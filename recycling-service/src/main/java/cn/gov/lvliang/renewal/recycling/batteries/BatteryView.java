package cn.gov.lvliang.renewal.recycling.batteries;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pack with its whole chain of custody. */
@Schema(name = "BatteryPack", description = "动力电池包及其移交链 / battery pack and its chain of custody")
public record BatteryView(
        String packCode,
        String sourceVin,
        int stateOfHealthPercent,
        BatteryStatus status,
        @Schema(description = "当前持有企业 / current holder") String holderCreditCode,
        String county,

        @Schema(description = "重组来源电池包 / the pack this one was repurposed from")
        String originalPackCode,

        @Schema(description = "重组后的新电池包 / the pack this one became")
        String successorPackCode,

        String registeredBy,
        Instant receivedAt,

        @Schema(description = "链起点签名 / the chain's first signature")
        String registrationSignature,

        @Schema(description = "签名链校验通过 / every signature recomputes")
        boolean chainIntact,

        List<Handover> handovers) {

    /** One signed handover (移交). */
    public record Handover(
            int sequence,
            String fromCreditCode,
            String toCreditCode,
            Instant handedOverAt,
            Integer stateOfHealthPercent,
            @Schema(description = "SHA-256 (hex)") String previousSignature,

            @Schema(description = "SHA-256 over the previous signature and this handover (hex)")
            String signature) {}
}

package io.legalhub.journal;

import java.time.OffsetDateTime;

public record TrailStep(String step, String system, String systemId, Long sourceVersion, String messageId,
                        String detail, OffsetDateTime at) {
}

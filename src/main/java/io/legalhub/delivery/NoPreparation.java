package io.legalhub.delivery;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The default {@code prepare} step of the {@code deliver-to-target} template: the canonical record goes to its
 * mapping as it is. A target whose mapping needs something only the hub knows (another record's id in that
 * target, say) names a bean of its own with a {@code prepare(Exchange)} method instead (see {@link TargetMatterRef}).
 */
@Component("noPreparation")
public class NoPreparation {

    public void prepare(Exchange exchange) {
        // nothing to add
    }
}

package io.legalhub.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Clio names a filter that takes several values with brackets ({@code ids[]}, {@code open_date[]}) and
 * describes it as "You can provide more than one value … by passing several individual values and appending
 * {@code []} to the parameter name", yet declares a single value ({@code integer}). Read as Clio means it: an
 * exploded array of that value ({@code ids[]=1&ids[]=2}), so that each value is checked against the declared one.
 */
final class ClioRepeatableFilters {

    private ClioRepeatableFilters() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void readAsRepeatable(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        for (PathItem path : api.getPaths().values()) {
            for (io.swagger.v3.oas.models.Operation operation : path.readOperations()) {
                if (operation.getParameters() == null) {
                    continue;
                }
                for (Parameter p : operation.getParameters()) {
                    Schema value = p.getSchema();
                    if ("query".equals(p.getIn()) && p.getName().endsWith("[]") && value != null && !(value instanceof ArraySchema)
                            && !"array".equals(value.getType())) {
                        p.setSchema(new ArraySchema().items(value));
                        p.setStyle(Parameter.StyleEnum.FORM);
                        p.setExplode(true);
                    }
                }
            }
        }
    }
}

package io.legalhub.contract;

/**
 * How far a vendor's published description can be taken at its word. Each caveat comes from reading the
 * files (see {@code shared/specs/README.md}, "Using these files in tests: format caveats").
 */
enum SpecDialect {

    /**
     * Clio Manage v4. None of its 387 schemas says {@code nullable}, yet Clio (and the sandbox) answer
     * {@code "close_date": null}: so a JSON null is read as "absent". None says {@code additionalProperties:
     * false}, so an unknown field would pass unseen: so every property must be one the schema names.
     * Its {@code *_List} schemas are {@code {"data":[…]}} only, but Clio answers {@code meta.paging.next} and
     * {@code meta.records} (its Paging page, outside the spec): so a list answer may carry exactly {@code meta}.
     */
    CLIO(true, true, false, true),

    /**
     * Relativity's Kepler-generated specs (environment, object manager, productions). They mark almost nothing
     * required or nullable (Kepler's .NET serializer writes nulls): null is "absent". Their DTOs are .NET classes
     * whose unknown JSON members the deserializer drops without a word: only named properties. A single body
     * parameter is shown bare ({@code MatterRequest}), but Kepler binds the body by parameter name, so it must
     * arrive wrapped ({@code {"MatterRequest":{…}}}; see {@link KeplerWrapper}).
     */
    KEPLER(true, true, true, false),

    /**
     * Specs that say what they mean ({@code required}, {@code nullable}, {@code additionalProperties: false}):
     * Relativity's ASP.NET-generated workspace service and access control, and the iManage Power Platform facade
     * (Swagger 2.0, {@code additionalProperties: false} on its bodies and envelopes). Validated as published.
     */
    AS_PUBLISHED(false, false, false, false);

    /** A JSON null stands for an absent property. */
    final boolean nullMeansAbsent;
    /** Every property sent or answered must be named by the schema (see {@link KnownProperties}). */
    final boolean onlyKnownProperties;
    /** A single bare body parameter must arrive wrapped by its name (see {@link KeplerWrapper}). */
    final boolean wrapsBodyByParameterName;
    /** A list answer ({@code data} is an array) may carry Clio's paging {@code meta} (see {@link ClioListMeta}). */
    final boolean listAnswersCarryMeta;

    SpecDialect(boolean nullMeansAbsent, boolean onlyKnownProperties, boolean wrapsBodyByParameterName,
                boolean listAnswersCarryMeta) {
        this.nullMeansAbsent = nullMeansAbsent;
        this.onlyKnownProperties = onlyKnownProperties;
        this.wrapsBodyByParameterName = wrapsBodyByParameterName;
        this.listAnswersCarryMeta = listAnswersCarryMeta;
    }
}

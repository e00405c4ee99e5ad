package io.legalhub.ledes;

/** One row of the code list: {@code code_set,code,name}. The name may be empty (26 timekeeper codes have none). */
public record UtbmsCode(String codeSet, String code, String name) {

    /** What kind of code this is, from its code_set. */
    public Kind kind() {
        return Kind.ofCodeSet(codeSet);
    }

    /** Name if known, else the code, for messages. */
    public String label() {
        return name == null || name.isBlank() ? code : name;
    }

    /**
     * The LEDES field a code of each kind belongs in. Every code set that is not one of the named ones is
     * a task code set (the shipped list has {@code litigation}; a firm's own list may add e.g. bankruptcy).
     */
    public enum Kind {
        TASK("task code", LedesField.LINE_ITEM_TASK_CODE),
        ACTIVITY("activity code", LedesField.LINE_ITEM_ACTIVITY_CODE),
        EXPENSE("expense code", LedesField.LINE_ITEM_EXPENSE_CODE),
        TIMEKEEPER("timekeeper classification", LedesField.TIMEKEEPER_CLASSIFICATION),
        LEGACY_TIMEKEEPER("legacy timekeeper classification", LedesField.TIMEKEEPER_CLASSIFICATION);

        private final String words;
        private final LedesField field;

        Kind(String words, LedesField field) {
            this.words = words;
            this.field = field;
        }

        public String words() {
            return words;
        }

        public LedesField field() {
            return field;
        }

        static Kind ofCodeSet(String codeSet) {
            return switch (codeSet) {
                case "activity" -> ACTIVITY;
                case "expense" -> EXPENSE;
                case "timekeeper" -> TIMEKEEPER;
                case "timekeeper_legacy" -> LEGACY_TIMEKEEPER;
                default -> TASK;
            };
        }
    }
}

package io.legalhub.sandbox.systems.relativity;

import java.util.Collection;

/** What the Relativity services need from the system module that hosts them. Internal. */
public interface RelativityContext {

    /** The system's strictly increasing clock, in the sandbox timestamp format. */
    String timestamp();

    /** 400 Rejected when one of the matter numbers is listed in the {@code rejectRecords} fault. */
    void rejectIfListed(Collection<String> matterNumbers);
}

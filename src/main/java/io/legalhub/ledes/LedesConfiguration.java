package io.legalhub.ledes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * LEDES beans. The code list is configurable (property {@code hub.ledes.code-list}, any Spring resource
 * location such as {@code file:/etc/hub/utbms-codes.csv}) because clients' billing guidelines differ in
 * which code sets they accept.
 */
@Configuration(proxyBeanMethods = false)
public class LedesConfiguration {

    @Bean
    public UtbmsCodeList utbmsCodeList(@Value("${hub.ledes.code-list:classpath:ledes/utbms-codes.csv}") Resource codeList) {
        try (InputStream in = codeList.getInputStream()) {
            return UtbmsCodeList.fromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the UTBMS code list " + codeList.getDescription()
                    + " (property hub.ledes.code-list)", e);
        }
    }

    @Bean
    public LedesValidator ledesValidator(UtbmsCodeList utbmsCodeList) {
        return new LedesValidator(utbmsCodeList);
    }

    @Bean
    public CanonicalInvoiceMapper canonicalInvoiceMapper() {
        return new CanonicalInvoiceMapper();
    }

    @Bean
    public LedesWriter ledesWriter(CanonicalInvoiceMapper canonicalInvoiceMapper) {
        return new LedesWriter(LedesWriter.LF, canonicalInvoiceMapper);
    }
}

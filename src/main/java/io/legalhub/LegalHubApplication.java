package io.legalhub;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Legal Hub. {@code java -jar legal-hub.jar} runs the hub; {@code java -jar legal-hub.jar sandbox [options]}
 * runs only the simulated legal systems (for several hub instances sharing one sandbox);
 * {@code java -jar legal-hub.jar cli <command>} is the operator command line.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LegalHubApplication {

    public static void main(String[] args) throws Exception {
        // The JDK's HTTP client keeps idle connections for 20 minutes; servers drop them much sooner, and a request
        // sent on a connection being dropped fails. Letting go after a minute keeps that rare (and retried).
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "60");
        }
        if (args.length > 0 && args[0].equals("sandbox")) {
            io.legalhub.sandbox.SandboxMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("cli")) {
            io.legalhub.cli.HubCli.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(LegalHubApplication.class, args);
    }
}

package io.ferrum.api.cli;

import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.OfflineCheck;
import io.ferrum.standards.policy.PolicyViolation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferrum validate FILE}: parses a site definition, lets its standard design it and runs the policy checks,
 * without any database (terraform's {@code validate}). Exit 0 when valid, 1 with one line per problem otherwise.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a site definition (syntax, standard, policy) without touching any database.")
class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Site definition (YAML or JSON).")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = PlanCommands.Target.read(file);
        OfflineCheck.Result result = new OfflineCheck().check(file.toString(), text);
        DesiredSite design = result.design();
        if (!result.violations().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            for (PolicyViolation v : result.violations()) {
                err.println("ferrum: " + file + ": policy " + v.check() + ": " + v.object() + ": " + v.message());
            }
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s is valid: %s designs site %s with %d racks, %d devices, %d cables and %d exchange "
                        + "connections.%n", file, design.standard(), design.site().code(), design.racks().size(),
                design.devices().size(), design.cables().size(), design.exchangeConnections().size());
        out.flush();
        return 0;
    }
}

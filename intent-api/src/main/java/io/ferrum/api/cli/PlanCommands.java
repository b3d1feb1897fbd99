package io.ferrum.api.cli;

import io.ferrum.api.security.LocalCliAccess;
import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.standards.plan.OfflineCheck;
import io.ferrum.standards.plan.Plan;
import io.ferrum.standards.plan.PlanOptions;
import io.ferrum.standards.plan.PlanText;
import io.ferrum.standards.plan.SitePlanning;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ferrum plan} and {@code ferrum apply}: terraform's workflow for a site definition. */
final class PlanCommands {

    private PlanCommands() {
    }

    /** What plan and apply share: the definition file, the server (if any) and the destroy flag. */
    static class Target {
        @Parameters(index = "0", paramLabel = "FILE", description = "Site definition (YAML or JSON).")
        Path file;

        @Option(names = "--server", paramLabel = "URL",
                description = "Plan against a running Ferrum (credentials: FERRUM_TOKEN, or FERRUM_USER/FERRUM_PASSWORD) "
                        + "instead of the database configured here.")
        String server;

        @Option(names = "--allow-destroy-active", description = "Allow deleting or replacing devices that are staged or active.")
        boolean allowDestroyActive;

        /**
         * The definition's text, already checked offline when no server is named: a broken file fails here, in a
         * second, before any database starts.
         */
        String checkedText() {
            String text = read(file);
            if (server == null) {
                new OfflineCheck().design(file.toString(), text);
            }
            return text;
        }

        /** The file as text; not UTF-8 is a located definition problem ("line 5: not valid UTF-8"). */
        static String read(Path file) {
            try {
                return io.ferrum.standards.definition.DefinitionText.read(file);
            } catch (java.io.UncheckedIOException e) {
                if (e.getCause() instanceof NoSuchFileException) {
                    throw new CliException(file + ": no such file");
                }
                throw new CliException(file + ": cannot read: " + e.getCause().getMessage());
            }
        }

        PlanOptions options() {
            return new PlanOptions(allowDestroyActive);
        }

        String remotePlanPath() {
            return "/api/v1/plans?fileName=" + RemoteFerrum.query(file.getFileName().toString())
                    + "&allowDestroyActive=" + allowDestroyActive;
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Show what applying a site definition would change, per object and attribute.")
    static class PlanCommand implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--detailed-exitcode",
                description = "Exit 0 when there are no changes, 2 when there are changes, 1 on error.")
        boolean detailedExitCode;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String text = target.checkedText();
            boolean changes;
            boolean applicable;
            java.util.Optional<RemoteFerrum> remote = RemoteFerrum.chosen(target.server,
                    spec.commandLine().getErr());
            if (remote.isPresent()) {
                JsonNode plan = remote.get().postText(target.remotePlanPath(), text);
                out.print(plan.get("text").asText());
                changes = !plan.get("plan").get("changes").isEmpty();
                applicable = plan.get("applicable").asBoolean();
            } else {
                try (var context = FerrumCommand.offline()) {
                    Plan plan = context.getBean(SitePlanning.class).plan(target.file.toString(), text, target.options());
                    out.print(PlanText.render(plan));
                    changes = plan.hasChanges();
                    applicable = plan.applicable();
                }
            }
            out.flush();
            if (!applicable) {
                spec.commandLine().getErr().println("ferrum: the plan is blocked; apply would refuse it");
                return 1;
            }
            return detailedExitCode && changes ? 2 : 0;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "Plan a site definition, show the plan, ask for approval, then apply it in one transaction.")
    static class ApplyCommand implements Callable<Integer> {
        @Mixin
        Target target;

        @Option(names = "--auto-approve", description = "Apply without asking.")
        boolean autoApprove;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            java.util.Optional<RemoteFerrum> server = RemoteFerrum.chosen(target.server,
                    spec.commandLine().getErr());
            return server.isPresent() ? remote(server.get()) : local();
        }

        private int local() {
            PrintWriter out = spec.commandLine().getOut();
            String text = target.checkedText();
            try (var context = FerrumCommand.offline();
                 var actor = ChangeContext.open(LocalCliAccess.CLI_ACTOR, UUID.randomUUID().toString())) {
                SitePlanning planning = context.getBean(SitePlanning.class);
                Plan plan = planning.plan(target.file.toString(), text, target.options());
                out.print(PlanText.render(plan));
                out.flush();
                if (!plan.applicable()) {
                    throw new CliException("the plan is blocked; nothing was applied");
                }
                if (!plan.hasChanges()) {
                    return 0;
                }
                if (!approved(out)) {
                    out.println("Apply cancelled; nothing was changed.");
                    return 1;
                }
                Plan applied = planning.apply(target.file.toString(), text, target.options(), plan.id());
                out.println("Apply complete: plan " + applied.id() + ", " + applied.changes().size() + " changes.");
                return 0;
            }
        }

        private int remote(RemoteFerrum server) {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode planned = server.postText(target.remotePlanPath(), target.checkedText());
            out.print(planned.get("text").asText());
            out.flush();
            if (!planned.get("applicable").asBoolean()) {
                throw new CliException("the plan is blocked; nothing was applied");
            }
            if (planned.get("plan").get("changes").isEmpty()) {
                return 0;
            }
            if (!approved(out)) {
                out.println("Apply cancelled; nothing was changed.");
                return 1;
            }
            String id = planned.get("plan").get("id").asText();
            JsonNode applied = server.postText("/api/v1/plans/" + id + "/apply", "");
            out.println("Apply complete: plan " + id + ", " + applied.get("plan").get("changes").size() + " changes.");
            return 0;
        }

        private boolean approved(PrintWriter out) {
            if (autoApprove) {
                return true;
            }
            out.print("\nApply these changes? Only 'y' or 'yes' is accepted [y/N]: ");
            out.flush();
            try {
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
            } catch (IOException e) {
                return false;
            }
        }
    }
}

package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, docs that work as written: every command the README shows (each line of its {@code sh} blocks, and each
 * {@code $ } line of its plain ones) is run by the README smoke, {@code .ci/readme-smoke}, which {@code mvn verify}
 * runs once the jar is packaged, or is skipped there with a reason; and the smoke runs no command the README no
 * longer shows. The smoke holds the README's commands verbatim in its {@code run <<'README'} and
 * {@code skip "REASON" <<'README'} blocks (it substitutes ports, ids and sizes only when it runs them), so the two
 * are compared as text: a command split over lines is one, trailing comments and runs of blanks do not count.
 */
class ReadmeCommandsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SMOKE = Path.of("..", ".ci", "readme-smoke");

    private static final Pattern BLOCK = Pattern.compile("^\\s*(run|skip)\\b(.*)<<'README'\\s*$");
    private static final Pattern REASON = Pattern.compile("^\\s*([\"'])(.*?)\\1\\s*$");

    @Test
    void everyReadmeCommandIsRunOrSkippedWithAReasonAndTheSmokeRunsNoOther() throws IOException {
        assertThat(problems(Files.readString(README), Files.readString(SMOKE))).isEmpty();
    }

    @Test
    void aReadmeCommandTheSmokeNeitherRunsNorSkipsFails() throws IOException {
        String readme = Files.readString(README) + "\n## New section\n\n```sh\n"
                + "./ferrum frobnicate --site ams1   # a command nobody told the smoke about\n```\n";

        assertThat(problems(readme, Files.readString(SMOKE))).singleElement().asString()
                .contains("neither run nor skipped", "./ferrum frobnicate --site ams1");
    }

    @Test
    void aCommandOnlyTheSmokeStillHasFailsAsDoesASkipWithoutAReason() {
        String readme = "```sh\n./ferrum validate examples/small-site.yaml\n./ferrum demo\n```\n";
        String smoke = """
                run <<'README'
                ./ferrum validate examples/small-site.yaml
                ./ferrum validate examples/old-site.yaml
                README
                skip "" <<'README'
                ./ferrum demo
                README
                """;

        assertThat(problems(readme, smoke)).hasSize(3).anySatisfy(p -> assertThat(p)
                        .contains("README.md:3", "neither run nor skipped", "./ferrum demo"))
                .anySatisfy(p -> assertThat(p).contains("readme-smoke:3", "not in README.md",
                        "./ferrum validate examples/old-site.yaml"))
                .anySatisfy(p -> assertThat(p).contains("readme-smoke:5", "skip without a reason"));
    }

    @Test
    void commandsSpanLinesAndLoseTheirComments() {
        String text = """
                # a comment line
                curl -u admin:$PASS -X PUT localhost:8080/api/v1/credentials/lab1-ssh \\
                  -d '{"kind":"ssh-password",
                  "secret":"a # is no comment in quotes"}'   # but this is
                ./ferrum plan x.yaml     # what would change

                A='-u admin:secret-password'
                """;

        assertThat(commands(text, 1).values()).containsExactly(
                "curl -u admin:$PASS -X PUT localhost:8080/api/v1/credentials/lab1-ssh -d '{\"kind\":\"ssh-password\", "
                        + "\"secret\":\"a # is no comment in quotes\"}'",
                "./ferrum plan x.yaml", "A='-u admin:secret-password'");
    }

    @Test
    void onlyShellBlocksAndTranscriptLinesHoldCommands() {
        String readme = """
                Run `./ferrum --help` (prose is no command).
                ```yaml
                site: {code: ams1}
                ```
                ```
                $ ./ferrum plan examples/bad/invalid-cidr.yaml
                ferrum: examples/bad/invalid-cidr.yaml:40:9: …
                ```
                ```sh
                ./ferrum demo
                ```
                """;

        assertThat(readmeCommands(readme).values())
                .containsExactly("./ferrum plan examples/bad/invalid-cidr.yaml", "./ferrum demo");
    }

    /** What is wrong between the README and the smoke script, one line each; empty when they agree. */
    static List<String> problems(String readme, String smoke) {
        Map<Integer, String> shown = readmeCommands(readme);
        Map<String, Integer> run = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = smoke.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher block = BLOCK.matcher(lines[i]);
            if (!block.matches()) {
                continue;
            }
            int start = i + 1;
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.length && !lines[i].equals("README"); i++) {
                body.append(lines[i]).append('\n');
            }
            boolean skip = block.group(1).equals("skip");
            if (skip) {
                Matcher reason = REASON.matcher(block.group(2));
                if (!reason.matches() || reason.group(2).isBlank()) {
                    problems.add(".ci/readme-smoke:" + start + ": skip without a reason (skip \"WHY\" <<'README')");
                    continue;
                }
            }
            commands(body.toString(), start + 1).forEach((line, command) ->
                    (skip ? skipped : run).putIfAbsent(command, line));
        }
        shown.forEach((line, command) -> {
            if (!run.containsKey(command) && !skipped.containsKey(command)) {
                problems.add("README.md:" + line + ": neither run nor skipped (with a reason) by .ci/readme-smoke: "
                        + command);
            }
        });
        List<String> inReadme = List.copyOf(shown.values());
        run.forEach((command, line) -> {
            if (!inReadme.contains(command)) {
                problems.add(".ci/readme-smoke:" + line + ": not in README.md (changed or removed there?): " + command);
            }
        });
        skipped.forEach((command, line) -> {
            if (!inReadme.contains(command)) {
                problems.add(".ci/readme-smoke:" + line + ": skips what README.md does not have: " + command);
            }
        });
        return problems;
    }

    /** The README's commands by line: {@code sh} blocks whole, plain blocks' {@code $ } lines, nothing else. */
    static Map<Integer, String> readmeCommands(String readme) {
        Map<Integer, String> commands = new LinkedHashMap<>();
        String[] lines = readme.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("```")) {
                continue;
            }
            String info = lines[i].substring(3).strip();
            int start = i + 1;
            StringBuilder body = new StringBuilder();
            for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                if (info.isEmpty()) {
                    body.append(lines[i].startsWith("$ ") ? lines[i].substring(2) : "").append('\n');
                } else {
                    body.append(lines[i]).append('\n');
                }
            }
            if (info.isEmpty() || List.of("sh", "bash", "shell", "console").contains(info)) {
                commands.putAll(commands(body.toString(), start + 1));
            }
        }
        return commands;
    }

    /**
     * Shell text split into commands, keyed by the line each starts on (counting from {@code firstLine}): a command
     * goes on over a trailing backslash or an open quote; a {@code #} outside quotes at a word's start begins a
     * comment; blanks collapse to one space.
     */
    static Map<Integer, String> commands(String text, int firstLine) {
        Map<Integer, String> commands = new LinkedHashMap<>();
        StringBuilder command = new StringBuilder();
        int start = firstLine;
        char quote = 0;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (command.isEmpty()) {
                start = firstLine + n;
            }
            boolean continued = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    break;
                }
                if (c == '\\' && quote != '\'') {
                    if (i == line.length() - 1) {
                        continued = true;
                        break;
                    }
                    command.append(c).append(line.charAt(++i));
                    continue;
                }
                if ((c == '\'' || c == '"') && (quote == 0 || quote == c)) {
                    quote = quote == 0 ? c : 0;
                }
                command.append(c);
            }
            if (continued || quote != 0) {
                command.append(' ');
                continue;
            }
            String done = command.toString().replaceAll("\\s+", " ").strip();
            if (!done.isEmpty()) {
                commands.put(start, done);
            }
            command.setLength(0);
        }
        return commands;
    }
}

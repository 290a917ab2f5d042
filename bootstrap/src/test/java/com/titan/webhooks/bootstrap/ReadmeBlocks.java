package com.titan.webhooks.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The README's code blocks, read by the tests that run them, so that the README stays true. */
final class ReadmeBlocks {

    private ReadmeBlocks() {
    }

    /** The first {@code ```bash} block after the heading that starts with {@code heading}. */
    static String bashBlockAfter(Path readme, String heading) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith(heading)) {
            at++;
        }
        while (at < lines.size() && !lines.get(at).equals("```bash")) {
            at++;
        }
        StringBuilder block = new StringBuilder();
        for (at++; at < lines.size() && !lines.get(at).equals("```"); at++) {
            block.append(lines.get(at)).append('\n');
        }
        if (block.isEmpty()) {
            throw new IllegalStateException("README.md has no bash block after '" + heading + "'");
        }
        return block.toString();
    }
}

package dev.layerlens.testdata;

/** Docker image names as the writer needs them: repository, tag (default latest), and the full form containerd stores. */
final class Names {
    private Names() {
    }

    record Reference(String repository, String tag) {
        /** {@code docker.io/library/app:1} for {@code app:1}. */
        String fullName() {
            String repo = repository;
            int slash = repo.indexOf('/');
            String first = slash < 0 ? "" : repo.substring(0, slash);
            if (slash < 0) {
                repo = "docker.io/library/" + repo;
            } else if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
                repo = "docker.io/" + repo;
            }
            return repo + ":" + tag;
        }
    }

    static Reference parse(String name) {
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            return new Reference(name.substring(0, colon), name.substring(colon + 1));
        }
        return new Reference(name, "latest");
    }
}

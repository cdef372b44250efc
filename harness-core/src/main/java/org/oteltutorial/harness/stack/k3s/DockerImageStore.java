package org.oteltutorial.harness.stack.k3s;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.images.ImageStore;

/** The host's Docker as an {@link ImageStore}, through the docker-java client Testcontainers uses. */
public final class DockerImageStore implements ImageStore {

    private final DockerClient docker;

    public DockerImageStore(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public Optional<String> imageId(String image) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(image).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void save(String image, OutputStream out) throws IOException {
        try (InputStream tar = docker.saveImageCmd(image).exec()) {
            tar.transferTo(out);
        }
    }

    @Override
    public List<String> tagged(List<String> repositoryPrefixes) {
        List<String> found = new ArrayList<>();
        for (Image image : docker.listImagesCmd().exec()) {
            if (image.getRepoTags() == null) {
                continue;
            }
            for (String tag : image.getRepoTags()) {
                String name = tag.startsWith("docker.io/") ? tag.substring("docker.io/".length()) : tag;
                if (repositoryPrefixes.stream().anyMatch(name::startsWith) && !name.endsWith(":<none>")) {
                    found.add(name);
                }
            }
        }
        return found;
    }
}

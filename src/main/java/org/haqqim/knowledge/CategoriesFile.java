package org.haqqim.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code categories.yaml}: the sections of the menu, in their order, each with an icon.
 */
final class CategoriesFile {

	private CategoriesFile() {
	}

	static List<Category> read(KnowledgeDirectory directory) {
		YamlFields file = directory.file("categories.yaml");
		List<Category> categories = new ArrayList<>();
		directory.mapping(file, true).ifPresent(root -> {
			YamlTree.Node list = root.get("categories");
			if (!(list instanceof YamlTree.Sequence sequence)) {
				file.error(root.line(), "'categories' must be a list of categories");
				return;
			}
			for (YamlTree.Node item : sequence.items()) {
				file.mapping(item, "a category").ifPresent(entry -> {
					Optional<String> id = file.string(entry, "id", true);
					String icon = file.string(entry, "icon", false).orElse("");
					id.filter(value -> file.id(entry.line(), "category id", value))
						.ifPresent(value -> categories.add(new Category(value, icon)));
				});
			}
		});
		return categories;
	}

}

package dev.kontor.testing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a component by id in the rendered cells of a grid's rows, whichever column it sits in: browserless-test does
 * not see a grid's cell components with {@code find}, and the columns may be arranged differently tomorrow.
 */
public final class GridCells {

    private GridCells() {
    }

    public static <G extends Grid<Y>, Y, T extends Component> T find(GridTester<G, Y> grid, Class<T> type, String id) {
        int columns = grid.getComponent().getColumns().size();
        for (int row = 0; row < grid.size(); row++) {
            for (int column = 0; column < columns; column++) {
                Optional<T> found = cell(grid, row, column).flatMap(cell -> withId(cell, type, id));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " #" + id + " in the grid's cells");
    }

    private static <G extends Grid<Y>, Y> Optional<Component> cell(GridTester<G, Y> grid, int row, int column) {
        try {
            return Optional.ofNullable(grid.getCellComponent(row, column));
        } catch (RuntimeException notAComponentColumn) {
            return Optional.empty();
        }
    }

    private static <T extends Component> Optional<T> withId(Component root, Class<T> type, String id) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(GridCells::descendants))
                .filter(type::isInstance).filter(c -> c.getId().filter(id::equals).isPresent()).map(type::cast)
                .findFirst();
    }

    private static Stream<Component> descendants(Component component) {
        return Stream.concat(Stream.of(component), component.getChildren().flatMap(GridCells::descendants));
    }
}

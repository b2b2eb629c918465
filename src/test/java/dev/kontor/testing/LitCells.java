package dev.kontor.testing;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.lang.reflect.Field;

/**
 * The template of a grid column drawn in the browser ({@link LitRenderer}): browserless-test reads its values and
 * calls its functions ({@code GridTester.getLitRendererPropertyValue}, {@code invokeLitRendererFunction}) but shows
 * no template, which holds the buttons' ids, names and texts. Read through reflection as browserless-test reads the
 * values, since Vaadin keeps the template to itself.
 */
public final class LitCells {

    private LitCells() {
    }

    public static String template(Grid<?> grid, String columnKey) {
        Object renderer = grid.getColumnByKey(columnKey).getRenderer();
        if (!(renderer instanceof LitRenderer<?>)) {
            throw new AssertionError("column " + columnKey + " is not drawn from a template");
        }
        try {
            Field template = LitRenderer.class.getDeclaredField("templateExpression");
            template.setAccessible(true);
            return (String) template.get(renderer);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the template of column " + columnKey + " is unreadable", e);
        }
    }
}

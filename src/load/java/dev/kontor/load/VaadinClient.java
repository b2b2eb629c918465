package dev.kontor.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one browser tab's Vaadin Flow client keeps between requests, for one virtual user: the UI id and the CSRF
 * token of the page (from its {@code v-r=init} answer), the sync and client message ids, which node carries which
 * element id (from the {@code key: "id"} attribute changes of every answer), the rows the server sent to grids and
 * combo boxes, and the channels of the renderers that draw cells from a template (the tree toggle, the managed
 * customers' buttons). It builds the UIDL messages the real client would send and reads the answers as the real
 * client would, so that the server does the same work as for a browser.
 * <p>
 * One virtual user runs its steps one after another, so this mutable object needs no locking.
 */
public final class VaadinClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SESSION_EXPIRED = "session expired";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The name the browser gives its tab ({@code window.name}): Kontor binds an access session to it. */
    private final String windowName = "v-" + ThreadLocalRandom.current().nextDouble();
    private int uiId = -1;
    private String csrfToken;
    private int syncId;
    private int clientId;
    private int promises;
    private final Map<String, Integer> nodeById = new HashMap<>();
    private final Map<Integer, String> idByNode = new HashMap<>();
    private final Map<Integer, String> textByNode = new HashMap<>();
    private final Map<Integer, List<Integer>> childrenByNode = new HashMap<>();
    /** Dialogs (and other overlays) the server closed: the browser tells it when they are gone. */
    private final List<Integer> closedOverlays = new ArrayList<>();
    /** Data communicators' updates the client confirms ({@code $connector.confirm(id)}), by node. */
    private final List<int[]> confirmations = new ArrayList<>();
    /** Rows a grid, tree grid or combo box received, by its node and row key, in the order they came. */
    private final Map<Integer, Map<String, JsonNode>> rowsByNode = new HashMap<>();
    /** The channel (node, channel) of the tree toggle's renderer: expanding a row calls its {@code onClick}. */
    private int[] treeToggleChannel;
    /**
     * The channels (node, channel) of the renderers that draw cells from a template ({@code LitRenderer}), by their
     * template, the latest last: a button in such a cell is no element of the server's, and its click is the
     * renderer's function called with the row's key.
     */
    private final Map<String, int[]> templateChannels = new LinkedHashMap<>();
    /** A page the server sent the browser to ({@code Page.setLocation}); empty when it stays. */
    private String location;

    public String windowName() {
        return windowName;
    }

    public int uiId() {
        return uiId;
    }

    public boolean hasPage() {
        return uiId >= 0;
    }

    /** Reads the answer of {@code ?v-r=init}: a new UI, so everything of the page before is forgotten. */
    public String acceptInit(String body) {
        try {
            JsonNode init = JSON.readTree(body);
            JsonNode config = init.path("appConfig");
            JsonNode uidl = config.path("uidl");
            if (!config.has("v-uiId") || !uidl.has("Vaadin-Security-Key")) {
                return "no UI in the init answer";
            }
            uiId = config.get("v-uiId").asInt();
            csrfToken = uidl.get("Vaadin-Security-Key").asText();
            nodeById.clear();
            idByNode.clear();
            textByNode.clear();
            childrenByNode.clear();
            closedOverlays.clear();
            confirmations.clear();
            rowsByNode.clear();
            treeToggleChannel = null;
            templateChannels.clear();
            location = null;
            syncId = 0;
            clientId = 0;
            return read(uidl);
        } catch (Exception e) {
            return "unreadable init answer: " + e.getMessage();
        }
    }

    /** Reads a UIDL answer; returns {@code "ok"} or what is wrong with it (an error of the load test). */
    public String accept(String body) {
        try {
            return read(JSON.readTree(body));
        } catch (Exception e) {
            return "unreadable UIDL answer: " + e.getMessage();
        }
    }

    private String read(JsonNode uidl) {
        JsonNode meta = uidl.path("meta");
        if (meta.path("sessionExpired").asBoolean(false)) {
            // after signing out this is the expected answer, with the page to go to
            for (JsonNode execute : uidl.path("execute")) {
                readExecute(execute);
            }
            return SESSION_EXPIRED;
        }
        if (meta.has("appError")) {
            return "application error: " + meta.get("appError");
        }
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        for (JsonNode change : uidl.path("changes")) {
            readChange(change);
        }
        for (JsonNode execute : uidl.path("execute")) {
            readExecute(execute);
        }
        return "ok";
    }

    private void readChange(JsonNode change) {
        int node = change.path("node").asInt();
        String type = change.path("type").asText();
        if ("detach".equals(type)) {
            String id = idByNode.remove(node);
            if (id != null && Integer.valueOf(node).equals(nodeById.get(id))) {
                nodeById.remove(id);
            }
            textByNode.remove(node);
            childrenByNode.remove(node);
            rowsByNode.remove(node);
            return;
        }
        if ("put".equals(type) && "id".equals(change.path("key").asText()) && change.path("feat").asInt() == 3) {
            String id = change.path("value").asText();
            nodeById.put(id, node);
            idByNode.put(node, id);
        } else if ("put".equals(type) && "opened".equals(change.path("key").asText())
                && change.path("feat").asInt() == 1 && !change.path("value").asBoolean(true)) {
            closedOverlays.add(node);
        } else if ("put".equals(type) && "text".equals(change.path("key").asText())
                && change.path("feat").asInt() == 7) {
            textByNode.put(node, change.path("value").asText());
        } else if ("clear".equals(type) && change.path("feat").asInt() == 2) {
            childrenByNode.remove(node);
        } else if ("splice".equals(type) && change.path("feat").asInt() == 2) {
            List<Integer> children = childrenByNode.computeIfAbsent(node, n -> new ArrayList<>());
            int index = Math.min(change.path("index").asInt(), children.size());
            int remove = change.path("remove").asInt(0);
            for (int i = 0; i < remove && index < children.size(); i++) {
                children.remove(index);
            }
            List<Integer> added = new ArrayList<>();
            change.path("addNodes").forEach(added_node -> added.add(added_node.asInt()));
            children.addAll(index, added);
        }
    }

    private void readExecute(JsonNode execute) {
        if (!execute.isArray() || execute.isEmpty()) {
            return;
        }
        String script = execute.get(execute.size() - 1).asText();
        if (script.contains("window.open($0, $1)") && execute.size() > 2) {
            location = execute.get(0).asText();
        } else if (script.contains("$connector.confirm(") && execute.size() >= 3) {
            int node = execute.get(0).path("@v-node").asInt();
            confirmations.add(new int[] {node, execute.get(1).asInt()});
        } else if (script.contains("$connector.set(") && execute.size() >= 4) {
            int node = execute.get(0).path("@v-node").asInt();
            Map<String, JsonNode> rows = rowsByNode.computeIfAbsent(node, n -> new LinkedHashMap<>());
            for (JsonNode row : execute.get(2)) {
                rows.put(row.path("key").asText(), row);
            }
        } else if (script.contains("setLitRenderer")) {
            // the arguments are the renderer's name, its template, its channel back to the server, its functions
            String template = null;
            int[] channel = null;
            for (JsonNode argument : execute) {
                if (argument.has("@v-return")) {
                    JsonNode returned = argument.get("@v-return");
                    channel = new int[] {returned.get(0).asInt(), returned.get(1).asInt()};
                } else if (template == null && argument.isTextual() && argument.asText().contains("<")
                        && argument != execute.get(execute.size() - 1)) {
                    template = argument.asText();
                }
            }
            if (template == null || channel == null) {
                return;
            }
            if (template.contains("vaadin-grid-tree-toggle")) {
                treeToggleChannel = channel;
            }
            templateChannels.remove(template);
            templateChannels.put(template, channel);
        }
    }

    // --- what the server said

    public Optional<Integer> node(String elementId) {
        return Optional.ofNullable(nodeById.get(elementId));
    }

    public int requireNode(String elementId) {
        return node(elementId).orElseThrow(() -> new IllegalStateException("no element with id " + elementId));
    }

    /** The texts below the element (its own text nodes and its children's, depth first), joined by spaces. */
    public String textOf(String elementId) {
        StringBuilder text = new StringBuilder();
        node(elementId).ifPresent(node -> collectText(node, text, 0));
        return text.toString().trim();
    }

    private void collectText(int node, StringBuilder text, int depth) {
        if (depth > 40) {
            return;
        }
        String own = textByNode.get(node);
        if (own != null) {
            text.append(own).append(' ');
        }
        for (int child : childrenByNode.getOrDefault(node, List.of())) {
            collectText(child, text, depth + 1);
        }
    }

    /** The rows the element (a grid, tree grid or combo box) received so far, in the order they came. */
    public List<JsonNode> rows(String elementId) {
        return node(elementId).map(node -> List.copyOf(rowsByNode.getOrDefault(node, Map.of()).values()))
                .orElse(List.of());
    }

    /** Whether the server closed the dialog with this id (its {@code opened} property set to false). */
    public boolean closed(String elementId) {
        return node(elementId).map(closedOverlays::contains).orElse(true);
    }

    /** The {@code closed} events the browser sends once the overlays the server closed have gone from the screen. */
    public List<ObjectNode> overlaysGone() {
        List<ObjectNode> events = new ArrayList<>();
        for (int node : closedOverlays) {
            ObjectNode event = NODES.objectNode();
            event.put("type", "event");
            event.put("node", node);
            event.put("event", "closed");
            events.add(event);
        }
        closedOverlays.clear();
        return events;
    }

    /**
     * The key of the latest row the grid received whose template value {@code property} is {@code value}: a grid
     * that was filtered again has the earlier rows' keys in this client still, which the server no longer knows.
     */
    public Optional<String> rowKey(String elementId, String property, String value) {
        String suffix = "_" + property;
        String found = null;
        for (JsonNode row : rows(elementId)) {
            for (var field : row.properties()) {
                if (field.getKey().endsWith(suffix) && value.equals(field.getValue().asText())) {
                    found = row.path("key").asText();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * A click on a button drawn from a template: the function {@code function} of the latest renderer whose template
     * holds {@code templatePart}, called with the row's key and no arguments, as the browser's renderer calls it.
     */
    public ObjectNode callTemplateFunction(String templatePart, String function, String rowKey) {
        int[] channel = null;
        for (Map.Entry<String, int[]> renderer : templateChannels.entrySet()) {
            if (renderer.getKey().contains(templatePart)) {
                channel = renderer.getValue();
            }
        }
        if (channel == null) {
            throw new IllegalStateException("no renderer draws " + templatePart);
        }
        ObjectNode call = NODES.objectNode();
        call.put("type", "channel");
        call.put("node", channel[0]);
        call.put("channel", channel[1]);
        call.set("args", NODES.arrayNode().add(function).add(rowKey).add(NODES.arrayNode()));
        return call;
    }

    public Optional<int[]> treeToggleChannel() {
        return Optional.ofNullable(treeToggleChannel);
    }

    /** Where the server sent the browser, once; empty when it did not. */
    public Optional<String> takeLocation() {
        Optional<String> taken = Optional.ofNullable(location);
        location = null;
        return taken;
    }

    // --- what the client sends

    /** The UIDL message with these invocations, plus the confirmations of data the client received before. */
    public String message(List<ObjectNode> invocations) {
        ObjectNode message = NODES.objectNode();
        message.put("csrfToken", csrfToken);
        ArrayNode rpc = message.putArray("rpc");
        for (int[] confirmation : confirmations) {
            rpc.add(published(confirmation[0], "confirmUpdate", NODES.arrayNode().add(confirmation[1])));
        }
        confirmations.clear();
        invocations.forEach(rpc::add);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        return message.toString();
    }

    /** The beacon a browser sends when it leaves a page, so that the server drops its UI at once. */
    public String unloadBeacon() {
        ObjectNode message = NODES.objectNode();
        message.put("csrfToken", csrfToken);
        message.putArray("rpc");
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        message.put("UNLOAD", true);
        return message.toString();
    }

    public static ObjectNode navigate(String route) {
        ObjectNode data = NODES.objectNode();
        data.put("route", route.startsWith("/") ? route : "/" + route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.putObject("historyState").put("idx", 0);
        data.put("trigger", "");
        return event(1, "ui-navigate", data);
    }

    public static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode event = NODES.objectNode();
        event.put("type", "event");
        event.put("node", node);
        event.put("event", name);
        event.set("data", data == null ? NODES.objectNode() : data);
        return event;
    }

    public static ObjectNode click(int node) {
        ObjectNode data = NODES.objectNode();
        data.put("event.shiftKey", false);
        data.put("event.metaKey", false);
        data.put("event.detail", 1);
        data.put("event.ctrlKey", false);
        data.put("event.altKey", false);
        data.put("event.button", 0);
        return event(node, "click", data);
    }

    public static ObjectNode sync(int node, String property, JsonNode value) {
        ObjectNode sync = NODES.objectNode();
        sync.put("type", "mSync");
        sync.put("node", node);
        sync.put("feature", 1);
        sync.put("property", property);
        sync.set("value", value);
        return sync;
    }

    public static ObjectNode sync(int node, String property, String value) {
        return sync(node, property, NODES.textNode(value));
    }

    public static ObjectNode sync(int node, String property, int value) {
        return sync(node, property, NODES.numberNode(value));
    }

    /** A text field's value as typed: the value, then its change event (value change mode ON_CHANGE). */
    public static List<ObjectNode> typeAndLeave(int node, String value) {
        return List.of(sync(node, "value", value), event(node, "change", null));
    }

    /**
     * A text field's value as typed in a field with value change mode LAZY: the value with the debounced input event,
     * whose data is what the browser sends when the debounce timer fires.
     */
    public static List<ObjectNode> typeLive(int node, String value) {
        ObjectNode debounced = NODES.objectNode().put("1", 1).put("for", "trailing");
        return List.of(sync(node, "value", value), event(node, "input", debounced));
    }

    public ObjectNode published(int node, String method, ArrayNode arguments) {
        ObjectNode call = NODES.objectNode();
        call.put("type", "publishedEventHandler");
        call.put("node", node);
        call.put("templateEventMethodName", method);
        call.set("templateEventMethodArgs", arguments);
        call.put("promise", promises++);
        return call;
    }

    /** A combo box asks for the items of its drop-down ({@code setViewportRange(start, length, filter)}). */
    public ObjectNode comboBoxItems(int node) {
        return published(node, "setViewportRange", NODES.arrayNode().add(0).add(50).add(""));
    }

    /** A row's tree toggle clicked: the renderer's {@code onClick} with the row's key. */
    public ObjectNode toggleTreeRow(String rowKey) {
        if (treeToggleChannel == null) {
            throw new IllegalStateException("no tree toggle renderer on this page");
        }
        ObjectNode call = NODES.objectNode();
        call.put("type", "channel");
        call.put("node", treeToggleChannel[0]);
        call.put("channel", treeToggleChannel[1]);
        call.set("args", NODES.arrayNode().add("onClick").add(rowKey).add(NODES.arrayNode()));
        return call;
    }

}

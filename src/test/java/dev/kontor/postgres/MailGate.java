package dev.kontor.postgres;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Lets a test stop a node's mail sender in the middle of a batch, as if the node died there: one chosen thread hands
 * a number of mails to the mail server, then waits at the next one until the test lets it go on, and then fails
 * without sending it. Every other thread, and every node whose gate is not armed, sends as usual.
 */
class MailGate {

    private volatile Thread armedThread;
    private volatile int sendsBeforeDeath;
    private final List<String> handedOver = new CopyOnWriteArrayList<>();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** The current thread will send this many mails, then stop at the next one. */
    void dieOnThisThreadAfter(int sends) {
        sendsBeforeDeath = sends;
        armedThread = Thread.currentThread();
    }

    /** Whether the armed thread stands at the mail it will not send. */
    boolean atDeathPoint() {
        return reached.getCount() == 0;
    }

    /** Lets the armed thread go on (to fail: the node is dead by then). */
    void release() {
        release.countDown();
    }

    /** The Message-IDs of the mails the armed thread handed to the mail server before it stopped. */
    List<String> handedOver() {
        return List.copyOf(handedOver);
    }

    private boolean armedHere() {
        return Thread.currentThread() == armedThread;
    }

    private void beforeSend() throws InterruptedException {
        if (armedHere() && handedOver.size() >= sendsBeforeDeath) {
            reached.countDown();
            release.await(60, TimeUnit.SECONDS);
            throw new IllegalStateException("This node died before it handed over the mail");
        }
    }

    private void sent(MimeMessage message) throws MessagingException {
        if (armedHere()) {
            handedOver.add(message.getMessageID());
        }
    }

    /** Puts the node's mail sender behind its gate; the sender stays a JavaMailSenderImpl for everyone else. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        MailGate mailGate() {
            return new MailGate();
        }

        @Bean
        static BeanPostProcessor mailSenderBehindGate(ObjectProvider<MailGate> gates) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof JavaMailSenderImpl)) {
                        return bean;
                    }
                    ProxyFactory proxy = new ProxyFactory(bean);
                    proxy.setProxyTargetClass(true);
                    proxy.addAdvice((MethodInterceptor) call -> {
                        Object[] arguments = call.getArguments();
                        boolean sendsOne = call.getMethod().getName().equals("send") && arguments.length == 1
                                && arguments[0] instanceof MimeMessage;
                        if (!sendsOne) {
                            return call.proceed();
                        }
                        MailGate gate = gates.getObject();
                        gate.beforeSend();
                        Object result = call.proceed();
                        gate.sent((MimeMessage) arguments[0]);
                        return result;
                    });
                    return proxy.getProxy();
                }
            };
        }
    }
}

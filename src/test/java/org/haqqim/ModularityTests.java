package org.haqqim;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.haqqim.system.Duty;
import org.haqqim.transport.Outbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code, as a test: which package may use which (README, "How it is
 * built"), no cycles between them, TelegramBots in its adapter only, and the replies of
 * an update queued in one place. A change that reaches where it must not fails the build
 * and names the classes.
 */
class ModularityTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importTheBot() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.haqqim");
	}

	@Test
	void eachPackageUsesOnlyThePackagesBelowIt() {
		ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("Application")
			.definedBy("org.haqqim")
			.layer("Adapters")
			.definedBy("org.haqqim.cli..", "org.haqqim.telegram..", "org.haqqim.console..")
			.layer("Conversation")
			.definedBy("org.haqqim.conversation..")
			.layer("Dates")
			.definedBy("org.haqqim.dates..", "org.haqqim.announcements..")
			.layer("Reports")
			.definedBy("org.haqqim.reports..")
			.layer("Matching")
			.definedBy("org.haqqim.matching..")
			.layer("Knowledge")
			.definedBy("org.haqqim.knowledge..")
			.layer("Transport")
			.definedBy("org.haqqim.transport..")
			.layer("Database")
			.definedBy("org.haqqim.database..")
			.layer("Kernel")
			.definedBy("org.haqqim.system..", "org.haqqim.text..")
			.whereLayer("Application")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Adapters")
			.mayOnlyBeAccessedByLayers("Application", "Adapters")
			.whereLayer("Conversation")
			.mayOnlyBeAccessedByLayers("Adapters")
			.whereLayer("Dates")
			.mayOnlyBeAccessedByLayers("Conversation", "Adapters")
			.whereLayer("Reports")
			.mayOnlyBeAccessedByLayers("Conversation", "Adapters")
			// The report intake reads the person's replies ("skip" in their own words).
			.whereLayer("Matching")
			.mayOnlyBeAccessedByLayers("Conversation", "Reports", "Adapters")
			.whereLayer("Knowledge")
			.mayOnlyBeAccessedByLayers("Conversation", "Dates", "Reports", "Matching", "Adapters")
			.whereLayer("Transport")
			.mayOnlyBeAccessedByLayers("Conversation", "Dates", "Reports", "Adapters")
			// Only the operator's commands (backup, restore) use the database directly;
			// every feature gets it from Spring.
			.whereLayer("Database")
			.mayOnlyBeAccessedByLayers("Adapters");
		layers.check(classes);
	}

	@Test
	void thePackagesHaveNoCycles() {
		slices().matching("org.haqqim.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void onlyTheTelegramAdapterSeesTelegramBotsAndItsHttpClient() {
		noClasses().that()
			.resideOutsideOfPackage("org.haqqim.telegram..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.telegram..", "okhttp3..")
			.check(classes);
	}

	@Test
	void theKernelUsesNothingOfTheBot() {
		noClasses().that()
			.resideInAnyPackage("org.haqqim.system..", "org.haqqim.text..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.haqqim.cli..", "org.haqqim.telegram..", "org.haqqim.console..",
					"org.haqqim.conversation..", "org.haqqim.reports..", "org.haqqim.matching..",
					"org.haqqim.knowledge..", "org.haqqim.transport..", "org.haqqim.database..", "org.haqqim.dates..",
					"org.haqqim.announcements..")
			.check(classes);
	}

	/**
	 * The per-update path returns what it wants sent, and the inbox processor queues it
	 * in the update's transaction. Only what runs on its own, outside any update, queues
	 * itself: the upkeep timer, the reminders of My dates, the announcements, the command
	 * menu at start and reload, and the notice of a rejected knowledge change.
	 */
	@Test
	void onlyWhatRunsOnItsOwnQueuesMessages() {
		noClasses().that()
			.resideInAnyPackage("org.haqqim.conversation..", "org.haqqim.reports..", "org.haqqim.dates..",
					"org.haqqim.announcements..")
			.and()
			.doNotHaveSimpleName("CaseUpkeep")
			.and()
			.doNotHaveSimpleName("ReminderSender")
			.and()
			.doNotHaveSimpleName("AnnouncementSender")
			.and()
			.doNotHaveSimpleName("CommandMenu")
			.and()
			.doNotHaveSimpleName("KnowledgeProblemsNotice")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Outbox.class)
			.check(classes);
	}

	/**
	 * Issue 19: a standby instance runs the scheduler too, so every scheduled job first
	 * asks whether this instance is on duty; a reminder is sent and a purge run once.
	 */
	@Test
	void everyScheduledJobRunsOnlyOnTheInstanceOnDuty() {
		methods().that().areAnnotatedWith(Scheduled.class).should(askWhetherOnDuty()).check(classes);
	}

	private static ArchCondition<JavaMethod> askWhetherOnDuty() {
		return new ArchCondition<>("ask Duty.isOnDuty() first") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				boolean asks = method.getMethodCallsFromSelf()
					.stream()
					.anyMatch(call -> call.getTargetOwner().isEquivalentTo(Duty.class)
							&& call.getName().equals("isOnDuty"));
				if (!asks) {
					events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " runs on a standby too: it never asks Duty.isOnDuty()"));
				}
			}
		};
	}

}
